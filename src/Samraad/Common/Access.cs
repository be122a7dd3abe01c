namespace Samraad.Common;

/// <summary>
/// Who may do what. Plain functions of the user and the collection, so every page and endpoint asks the same
/// question the same way, and tests can check the rules without HTTP.
/// </summary>
public static class Access
{
    /// <summary>Admins, and secretariat staff of the organisation that owns the collection.</summary>
    public static bool CanAdminister(UserContext user, int ownerOrganisationId) =>
        user.IsAdmin || (user.Role == Roles.Secretariat && user.OrganisationId == ownerOrganisationId);

    /// <summary>Only a respondent acting for that very organisation writes its answers.</summary>
    public static bool CanAnswerFor(UserContext user, int organisationId) =>
        user.Answers && user.OrganisationId == organisationId;

    /// <summary>A response is seen by its own organisation and by those who administer the collection.</summary>
    public static bool CanViewResponse(UserContext user, int ownerOrganisationId, int respondentOrganisationId) =>
        CanAdminister(user, ownerOrganisationId) || CanAnswerFor(user, respondentOrganisationId);

    /// <summary>
    /// A reader is a member (a council member) of the body whose organisation it belongs to — KKR Sjælland's members
    /// have KKR Sjælland as organisation — and reads that organisation's collections, surveys, figures and meetings
    /// only. A reader without an organisation reads nothing.
    /// </summary>
    public static bool IsReaderOf(UserContext user, int ownerOrganisationId) =>
        user.Role == Roles.Reader && user.OrganisationId == ownerOrganisationId;

    /// <summary>Summaries and the matrix show every respondent's submitted answers: administrators and the owner's readers.</summary>
    public static bool CanReadSummary(UserContext user, int ownerOrganisationId) =>
        CanAdminister(user, ownerOrganisationId) || IsReaderOf(user, ownerOrganisationId);

    /// <summary>Whether the collection shows on the user's front page at all.</summary>
    public static bool CanSeeCollection(UserContext user, int ownerOrganisationId, IEnumerable<int> respondentIds) =>
        CanReadSummary(user, ownerOrganisationId)
        || (user.Answers && user.OrganisationId is int org && respondentIds.Contains(org));
}
