"""Kind and stage ids (public API), named once because checks look for them in an institution's history."""

from __future__ import annotations

DESIGNATION = "designation"
TEACHER = "teacher_registration"
CLASS_FILING = "class_filing"
CLASS_CHANGE = "class_change"
FEE = "fee_approval"
EXAM = "exam_application"
SUBSIDY = "subsidy_claim"
ANNUAL = "annual_evaluation"
CASE = "supervision_case"

REVIEW = "bureau_review"  # where the district bureau decides (most kinds)
DESIGNATED = "designated"  # designation granted
REGISTERED = "registered"  # teacher in the 培训师资库
APPROVED = "approved"  # class filing, class change, fee approval, subsidy claim approved
CONFIRMED = "results_confirmed"  # exam results 核准 by 区职建中心
FAILED = "failed"  # annual evaluation 不合格
CANCELLED = "cancelled"  # designation cancelled by a supervision case
REINSTATED = "reinstated"  # suspended designation restored by a supervision case
NOT_FILED = (
    "draft",
    "withdrawn",
    "rejected",
)  # statuses of applications not (or no longer) before an authority
