"""Chinese labels the statement prints for channels, submitter types and dispositions."""

from collections.abc import Mapping

from consultations.models import OUTCOME_LABELS, Channel, Outcome, SubmitterType

CHANNEL_LABELS: dict[str, str] = {
    Channel.ONLINE: "网上留言",
    Channel.LETTER: "信函",
    Channel.EMAIL: "电子邮件",
    Channel.PHONE: "电话",
    Channel.SYMPOSIUM: "座谈会",
    Channel.HEARING: "听证会",
    Channel.OTHER: "其他",
}

SUBMITTER_TYPE_LABELS: dict[str, str] = {
    SubmitterType.INDIVIDUAL: "个人",
    SubmitterType.ENTERPRISE: "企业",
    SubmitterType.ORGANIZATION: "社会组织",
    SubmitterType.OTHER: "其他",
}

# The four headline categories of 二、总体采纳情况 (rules B2): the last two outcomes are 其他.
OVERALL_ADOPTED = "adopted"
OVERALL_PARTLY_ADOPTED = "partly_adopted"
OVERALL_NOT_ADOPTED = "not_adopted"
OVERALL_OTHER = "other"

OVERALL_LABELS: dict[str, str] = {
    OVERALL_ADOPTED: "采纳",
    OVERALL_PARTLY_ADOPTED: "部分采纳",
    OVERALL_NOT_ADOPTED: "未采纳",
    OVERALL_OTHER: "其他",
}

OVERALL_OF_OUTCOME: dict[str, str] = {
    Outcome.ADOPTED: OVERALL_ADOPTED,
    Outcome.PARTLY_ADOPTED: OVERALL_PARTLY_ADOPTED,
    Outcome.NOT_ADOPTED: OVERALL_NOT_ADOPTED,
    Outcome.ALREADY_PROVIDED: OVERALL_OTHER,
    Outcome.OUT_OF_SCOPE: OVERALL_OTHER,
}

WHOLE_DRAFT_LABEL = "草案整体"


def outcome_label(outcome: str, overrides: Mapping[str, str] | None = None) -> str:
    """Return the label of a disposition outcome, a deployment's own label first."""
    if overrides and outcome in overrides:
        return overrides[outcome]
    return OUTCOME_LABELS.get(outcome, outcome)
