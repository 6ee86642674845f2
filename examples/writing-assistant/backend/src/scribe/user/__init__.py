"""Accounts mirrored from Clerk, subscriptions and preferences."""

from .models import Preference, Subscription, User
from .service import get_user, preferences_of, set_tier, subscription_tier, user_from_token

__all__ = [
    "Preference",
    "Subscription",
    "User",
    "get_user",
    "preferences_of",
    "set_tier",
    "subscription_tier",
    "user_from_token",
]
