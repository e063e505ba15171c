"""The use cases: the only layer the TUI and the CLI call."""

from collections.abc import Collection


def outcome(module: str, name: str, names: Collection[str]) -> object:
    """`name` from `services.outcomes` if it is one of `names`, for a use case module's
    `__getattr__`: what a use case gives back is made when first asked for, not at each start
    (see `services.outcomes`)."""
    if name not in names:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    from sn_tui.services import outcomes

    return getattr(outcomes, name)
