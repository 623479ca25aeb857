"""ORM mappings (SQLAlchemy 2 typed); importing this package registers every table."""

from ocop_desktop.persistence.models.activities import Activity, ActivityProducer, ActivityProduct
from ocop_desktop.persistence.models.audit import AuditEntry
from ocop_desktop.persistence.models.base import Base, RecordMixin, new_id, stable_id, utcnow
from ocop_desktop.persistence.models.evaluations import Evaluation, EvaluationMember
from ocop_desktop.persistence.models.exchange import InboxEntry, OfficeKeyRow, OutboxEntry, SyncState, TrustedSender
from ocop_desktop.persistence.models.logbooks import LogbookBatch, LogbookBatchMaterial, LogbookMaterial, LogbookSale
from ocop_desktop.persistence.models.pipeline import Candidacy, DossierItem
from ocop_desktop.persistence.models.reference import (
    AppMeta,
    Place,
    PlaceLink,
    ProductGroup,
    ProductSet,
    RuleSetRow,
    Scorecard,
)
from ocop_desktop.persistence.models.registry import Producer, Product
from ocop_desktop.persistence.models.surveys import SurveyCampaign, SurveyEntry, UnitSubmission
from ocop_desktop.persistence.models.tasks import Directive, Task, TaskProgress
from ocop_desktop.persistence.models.users import User

__all__ = [
    "Activity",
    "ActivityProducer",
    "ActivityProduct",
    "AppMeta",
    "AuditEntry",
    "Base",
    "Candidacy",
    "Directive",
    "DossierItem",
    "Evaluation",
    "EvaluationMember",
    "InboxEntry",
    "LogbookBatch",
    "LogbookBatchMaterial",
    "LogbookMaterial",
    "LogbookSale",
    "OfficeKeyRow",
    "OutboxEntry",
    "Place",
    "PlaceLink",
    "Producer",
    "Product",
    "ProductGroup",
    "ProductSet",
    "RecordMixin",
    "RuleSetRow",
    "Scorecard",
    "SurveyCampaign",
    "SurveyEntry",
    "SyncState",
    "Task",
    "TaskProgress",
    "TrustedSender",
    "UnitSubmission",
    "User",
    "new_id",
    "stable_id",
    "utcnow",
]
