"""Shared test settings: hypothesis profiles that keep the suite deterministic and quick."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "netpay", max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("netpay")
