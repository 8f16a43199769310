"""Prometheus metrics of the consultation domain: comments received and the jobs that process them."""

import httpx

from tests.conftest import GraphQL

SUBMIT = """
mutation($id: ID!, $body: String!) { submitComment(consultationId: $id, body: $body) { receiptCode } }"""


async def test_metrics_count_comments_and_jobs(
    gql: GraphQL, client: httpx.AsyncClient, open_consultation, people, run_jobs
) -> None:
    def sample(body: str, name: str) -> float:
        lines = [line for line in body.splitlines() if line.startswith(name)]
        return float(lines[0].rsplit(" ", 1)[1]) if lines else 0.0

    before = (await client.get("/metrics")).text
    citizen = await people.citizen()
    result = await gql(SUBMIT, {"id": open_consultation.id, "body": "建议明确分户条件。"}, token=citizen)
    assert "errors" not in result, result
    await run_jobs()
    after = (await client.get("/metrics")).text
    name = 'canyu_comments_received_total{channel="online"}'
    assert sample(after, name) == sample(before, name) + 1
    assert 'canyu_job_duration_seconds_count{job="process_new_comments",outcome="ok"}' in after
