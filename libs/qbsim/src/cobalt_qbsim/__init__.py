"""A simulated QuickBooks Desktop company and Web Connector: the stand-ins for Windows."""

from cobalt_qbsim.chart import sample_company
from cobalt_qbsim.company import Company
from cobalt_qbsim.processor import QuickBooksError, SimulatedQuickBooks

__all__ = ["Company", "QuickBooksError", "SimulatedQuickBooks", "sample_company"]
