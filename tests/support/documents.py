"""GraphQL documents the tests post, written as a client would write them."""

ERRORS = "errors { field code message }"

REGISTER = (
    """
mutation($input: RegisterInstitutionInput!) {
  registerInstitution(input: $input) {
    institution { id databaseId name creditCode orgType divisionCode cityCode cityName version }
    %s
  }
}"""
    % ERRORS
)

APPLICATION_FIELDS = """
  id databaseId schemeId kind stageId status version score grade occupations form
  stage { id title role }
  availableActions { id role }
  criterionResults { criterionId citation kind mode outcome rule values parameters field points maxPoints }
  evaluation { plugin pluginVersion schemeVersion evaluatedOn total maximum passed grade lines
               subtotals { title points maximum citation } }
  recognition { id status banUntil }
"""

CREATE = """
mutation($input: CreateApplicationInput!) {
  createApplication(input: $input) { application { %s } %s }
}""" % (APPLICATION_FIELDS, ERRORS)

EDIT = """
mutation($input: EditApplicationInput!) {
  editApplication(input: $input) { application { %s } %s }
}""" % (APPLICATION_FIELDS, ERRORS)

SUBMIT = """
mutation($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { application { %s } %s }
}""" % (APPLICATION_FIELDS, ERRORS)

ACT = """
mutation($input: ActOnApplicationInput!) {
  actOnApplication(input: $input) { application { %s } %s }
}""" % (APPLICATION_FIELDS, ERRORS)

APPLICATION = (
    """
query($id: ID!) {
  application(id: $id) {
    %s
    reviews { reviewer role stage transition comment judgments { criterionId passed points } }
    events { action actor role before after details }
  }
}"""
    % APPLICATION_FIELDS
)

INSTITUTION = """
query($id: ID!) {
  institution(id: $id) {
    name
    applications { schemeId kind stageId status }
    recognitions { id schemeId title status occupations banUntil grantedOn endedOn endReason }
  }
}"""

QUOTA = """
query($scheme: String!, $occupation: String!, $city: String!) {
  quotaUsage(schemeId: $scheme, occupation: $occupation, cityCode: $city) { ruleId key used limit remaining }
}"""

COUNTS = """
query {
  institutions(first: 100) { totalCount }
  applications(first: 100) { totalCount }
  recognitions(first: 100) { totalCount }
}"""
