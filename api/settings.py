"""Settings: one class, read from the environment (prefix CANYU_)."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET_KEY = "insecure-development-secret-change-me"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CANYU_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("data")
    # Unset: an embedded SQLite file under data_dir.
    database_url: str | None = None
    # Unset: jobs run in-process through the same job functions.
    redis_url: str | None = None
    secret_key: str = DEFAULT_SECRET_KEY

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    db_pool_size: int = 20
    # GraphQL requests one process works on at once; more wait their turn in order (api/admission.py).
    # 16 measured best on 2 vCPUs (docs/benchmarks.md); 0: no limit. PostgreSQL only.
    max_concurrent_requests: int = Field(default=16, ge=0)
    # Proxies whose X-Forwarded-For is believed (the load balancer), so rate limits see the client's address.
    forwarded_allow_ips: str = "127.0.0.1"

    # The built web app (`make frontend`) served at /; unset: frontend/dist beside the code.
    frontend_dist: Path | None = None
    # Where citizens and invitees reach the web app: links in notifications (observer invitations).
    public_base_url: str = "http://127.0.0.1:8000"

    # Hearings: notice before a hearing that does not serve a 规章 (which always needs 30 days, rules C2).
    hearing_notice_days: int = Field(default=10, ge=0, le=90)

    # Sessions and accounts
    session_days: int = 14
    verification_code_minutes: int = 15
    login_max_failures: int = 5
    login_lockout_seconds: int = 900
    # Abuse limits per client address (docs/operations.md, "Abuse limits"). Generous on purpose: an office,
    # a school or a mobile carrier puts many people behind one address. Failed logins across accounts per
    # lockout window; login attempts (failed or not) per hour; verification codes sent (registrations and
    # resends) per hour, to any contact; registrations per hour. Codes per phone number or email per hour.
    login_ip_max_failures: int = Field(default=100, ge=1)
    login_ip_rate_limit: int = Field(default=600, ge=1)
    code_ip_rate_limit: int = Field(default=200, ge=1)
    registration_ip_rate_limit: int = Field(default=100, ge=1)
    codes_per_contact_per_hour: int = Field(default=5, ge=1)
    # Unset: Secure cookies in production (behind HTTPS), plain ones elsewhere.
    cookie_secure: bool | None = None
    # argon2id cost (the library's defaults); tests lower it to keep the suite fast.
    password_hash_time_cost: int = 3
    password_hash_memory_kib: int = 65536

    # Comments
    comment_max_chars: int = 5000
    comment_min_chars: int = 2
    comment_rate_limit: int = 20
    comment_rate_window_seconds: int = 600
    # Comments from one client address (across accounts) per comment_rate_window_seconds: refused beyond.
    comment_ip_rate_limit: int = Field(default=600, ge=1)
    # A burst: more than comment_burst_threshold comments from one address within one fixed window of
    # comment_burst_window_seconds. Those beyond it are stored and counted as usual, flagged for moderation.
    comment_burst_threshold: int = Field(default=30, ge=1)
    comment_burst_window_seconds: int = Field(default=60, ge=1)
    sensitive_words_file: Path | None = None
    # Aggregation: a folder whose userdict.txt / stopwords.txt are loaded beside the shipped ones.
    aggregation_lexicon_dir: Path | None = None

    # Statement PDFs embed this CJK font (TrueType .ttf/.ttc); unset: the first well-known system font
    # found (fonts-wqy-microhei). Fonts with CFF outlines (Noto Sans CJK) are refused.
    statement_font_path: Path | None = None

    # Deadlines: extra holiday/working-day calendar merged over the shipped one.
    calendar_file: Path | None = None
    timezone: str = "Asia/Shanghai"

    # Notifications
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_sender: str = "canyu@localhost"
    smtp_starttls: bool = True
    notification_max_attempts: int = 8

    # Largest request body: a 10 MB .docx travels base64-encoded (≈ 13.4 MB) inside the JSON.
    max_request_bytes: int = 16 * 1024 * 1024

    # GraphQL hardening
    graphql_max_depth: int = 10
    graphql_max_aliases: int = 15
    graphql_max_tokens: int = 2000

    # `canyu worker` lowers its CPU priority by this much, so on a shared machine request handling comes
    # first and background work (segmentation, sealing, notifications) catches up in the quieter moments.
    worker_nice: int = Field(default=10, ge=0, le=19)
    # A deployment's own words for disposition outcomes, e.g. {"not_adopted": "未采纳"} (JSON in the env).
    disposition_labels: dict[str, str] = Field(default_factory=dict)
    # Processes that segment text during aggregation; 0 = one per CPU.
    aggregation_workers: int = Field(default=0, ge=0, le=64)
    # A process sends one "new work" nudge per job at most this often; the cron sweeps catch the rest.
    job_nudge_debounce_seconds: float = Field(default=0.5, ge=0)
    # A job working through new comments or the outbox waits this long after a batch that was not full
    # before it looks again, so that under steady load it takes them in batches, not a few at a time.
    job_batch_settle_seconds: float = Field(default=0.25, ge=0, le=10)
    # A requested job (aggregation, statement) silent this long is presumed dead and started again.
    job_stale_seconds: float = Field(default=300, gt=0)

    # Operations: logs (JSON lines by default in production), one access-log line per request, the
    # origins other than canyu's own that browsers may call the API from (CORS), and an optional bearer
    # token that /metrics then requires.
    log_format: Literal["json", "text"] | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    access_log: bool = True
    cors_allow_origins: list[str] = Field(default_factory=list)
    metrics_token: str | None = None

    @property
    def resolved_log_format(self) -> str:
        return self.log_format or ("json" if self.is_production else "text")

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def secure_cookies(self) -> bool:
        return self.is_production if self.cookie_secure is None else self.cookie_secure

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'canyu.sqlite3').resolve()}"

    @property
    def is_embedded_database(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
