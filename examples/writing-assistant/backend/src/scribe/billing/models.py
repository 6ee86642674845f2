from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core import Base, Timestamped


class UsageEvent(Timestamped, Base):
    __tablename__ = "usage_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    tokens: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(80))


class PlanLimit(Base):
    __tablename__ = "plan_limits"

    tier: Mapped[str] = mapped_column(String(20), primary_key=True)
    monthly_tokens: Mapped[int] = mapped_column(Integer)
    max_documents: Mapped[int] = mapped_column(Integer)


class Invoice(Timestamped, Base):
    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    stripe_invoice_id: Mapped[str] = mapped_column(String(64), unique=True)
    period_start: Mapped[date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
