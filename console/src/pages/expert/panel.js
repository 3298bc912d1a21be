// What an expert's pages read off an application at a panel stage: the action that records their
// score, whether they must recuse themselves, and whether they have scored yet.

/** The expert's own scoring action here: a transition of their role that records a review and
 * keeps the application where it is (each member of the panel scores through it). */
export const scoringActionOf = (application, role) => application.availableActions
  .find((a) => a.role === role && a.source === a.target && a.review !== 'NONE')

/** The reason the expert must recuse themselves (回避), as the API words it; null when none. */
export const conflictOf = (application) => application.availableActions
  .find((a) => a.reasonCode === 'CONFLICT_OF_INTEREST')?.reason ?? null

/** Whether `username` has recorded a review at the application's current stage (until then the
 * API shows them nobody else's scores). */
export const hasScored = (application, username) => application.reviews
  .some((r) => r.reviewer === username && r.stage === application.stage.id)
