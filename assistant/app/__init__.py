"""The apps at the edge: command line, settings, web chat, network picture, local model."""

import os

# Gradio and the Hub report usage unless told not to; set before either is imported.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
