"""Email leaves the outbox over real SMTP (a local aiosmtpd server), with a stable Message-ID."""

import socket
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller

from api.outbox import Notification, SmtpTransport, deliver_due, queue_notification
from api.settings import Settings


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


async def test_verification_email_is_delivered_over_smtp(state, smtp_server):
    inbox, port = smtp_server
    settings = Settings(
        smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False, smtp_sender="noreply@canyu.test"
    )
    async with state.sessionmaker() as session:
        notification_id = await queue_notification(
            session,
            recipient="citizen@example.cn",
            kind="verification_code",
            subject="参与平台验证码",
            body="您的验证码是 123456",
        )
        await session.commit()

    sent, failed = await deliver_due(state.sessionmaker, {"email": SmtpTransport(settings)}, max_attempts=3)

    assert (sent, failed) == (1, 0)
    mail_from, recipients, raw = inbox.messages[0]
    assert (mail_from, recipients) == ("noreply@canyu.test", ["citizen@example.cn"])
    message = message_from_bytes(raw)
    assert str(make_header(decode_header(message["Subject"]))) == "参与平台验证码"
    assert message["Message-ID"] == f"<notification-{notification_id}@canyu>"
    assert "123456" in message.get_payload(decode=True).decode("utf-8")


async def test_unreachable_mail_server_keeps_the_message_for_a_retry(state):
    settings = Settings(smtp_host="127.0.0.1", smtp_port=_free_port(), smtp_starttls=False)
    async with state.sessionmaker() as session:
        notification_id = await queue_notification(
            session, recipient="citizen@example.cn", kind="comment_receipt", subject="意见已收到", body="回执"
        )
        await session.commit()

    sent, failed = await deliver_due(state.sessionmaker, {"email": SmtpTransport(settings)}, max_attempts=3)

    assert (sent, failed) == (0, 1)
    async with state.sessionmaker() as session:
        row = await session.get(Notification, notification_id)
        assert (row.status, row.attempts) == ("pending", 1)
        assert row.last_error
