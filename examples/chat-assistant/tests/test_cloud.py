"""The cloud path is tested with a fake client."""

from unittest import mock


def test_escalate_uses_the_client() -> None:
    fake = mock.Mock()
    fake.chat.completions.create.return_value.choices = [mock.Mock(message=mock.Mock(content="ok"))]
    with mock.patch("assistant.cloud.client", fake):
        from assistant.cloud import escalate

        assert escalate("hi") == "ok"
    assert fake.chat.completions.create.call_args.kwargs["model"] == "gpt-4o-2024-08-06"
