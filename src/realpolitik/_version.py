"""The package version, in one place below every other module (``realpolitik.__version__``)."""

__version__ = "0.1.0"
