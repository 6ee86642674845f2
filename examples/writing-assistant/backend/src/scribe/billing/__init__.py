"""Usage metering, plan limits and invoices (payments are Stripe's)."""

from .invoices import email_invoice, invoices_of
from .models import Invoice, PlanLimit, UsageEvent
from .plans import check_document_quota, check_token_budget, limits_for, tokens_this_month
from .stripe_webhooks import handle_event

__all__ = [
    "Invoice",
    "PlanLimit",
    "UsageEvent",
    "check_document_quota",
    "check_token_budget",
    "email_invoice",
    "handle_event",
    "invoices_of",
    "limits_for",
    "tokens_this_month",
]
