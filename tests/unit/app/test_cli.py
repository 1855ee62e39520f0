"""CLI argument checks that stop before anything is opened or served."""


def test_binding_beyond_localhost_requires_auth(capsys) -> None:
    from assistant.app.cli import main

    assert main(["serve", "--host", "0.0.0.0", "--db", "/nonexistent"]) == 2
    assert "--auth" in capsys.readouterr().err
    assert main(["serve", "--host", "0.0.0.0", "--auth", "nocolon"]) == 2
    assert "USER:PASS" in capsys.readouterr().err


def test_uploads_need_a_password_or_allow_uploads() -> None:
    from pathlib import Path

    from assistant.app.cli import build_parser, parse_auth, uploads_allowed

    def allowed(*flags: str) -> bool:
        args = build_parser().parse_args(["serve", *flags])
        return uploads_allowed(args, parse_auth(args))

    assert not allowed()  # even on 127.0.0.1
    assert allowed("--auth", "staff:s3cret")
    assert allowed("--allow-uploads")
    args = build_parser().parse_args(["serve", "--corpus", "articles"])
    assert args.corpus == Path("articles")
    assert build_parser().parse_args(["serve"]).corpus == Path("corpus")
