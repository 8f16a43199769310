"""Every table of every package, for migrations and schema checks (the edge may import the domains)."""

from api import audit, jobs, outbox
from api.accounts import models as account_models
from api.db import Base
from consultations import models as consultation_models

# Importing a module registers its tables on Base.metadata.
MODEL_MODULES = (account_models, audit, jobs, outbox, consultation_models)
metadata = Base.metadata
