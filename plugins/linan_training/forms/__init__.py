"""Form models of the nine application kinds (published as JSON Schema for the consoles)."""

from plugins.linan_training.forms.classes import ClassChangeForm, ClassFilingForm, ClassPlan
from plugins.linan_training.forms.designation import DesignationForm
from plugins.linan_training.forms.exams import ExamApplicationForm
from plugins.linan_training.forms.funding import FeeApprovalForm, SubsidyClaimForm
from plugins.linan_training.forms.oversight import AnnualEvaluationForm, SupervisionCaseForm
from plugins.linan_training.forms.teachers import TeacherRegistrationForm

__all__ = [
    "AnnualEvaluationForm",
    "ClassChangeForm",
    "ClassFilingForm",
    "ClassPlan",
    "DesignationForm",
    "ExamApplicationForm",
    "FeeApprovalForm",
    "SubsidyClaimForm",
    "SupervisionCaseForm",
    "TeacherRegistrationForm",
]
