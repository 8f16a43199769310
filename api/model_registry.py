"""Every table of every package, for migrations and schema checks (the edge may import the domains)."""

import consultations.models  # noqa: F401
from api.db import Base

metadata = Base.metadata
