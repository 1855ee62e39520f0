"""CLI argument checks that stop before anything is opened or served."""


def test_binding_beyond_localhost_requires_auth(capsys) -> None:
    from assistant.app.cli import main

    assert main(["serve", "--host", "0.0.0.0", "--db", "/nonexistent"]) == 2
    assert "--auth" in capsys.readouterr().err
    assert main(["serve", "--host", "0.0.0.0", "--auth", "nocolon"]) == 2
    assert "USER:PASS" in capsys.readouterr().err
