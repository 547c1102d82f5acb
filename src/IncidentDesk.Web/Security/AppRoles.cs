namespace IncidentDesk.Web.Security;

/// <summary>The three roles of the desk; scoping rules per role arrive with the accounts issue.</summary>
public static class AppRoles
{
    public const string PrivacyOfficer = "PrivacyOfficer";
    public const string CoopLiaison = "CoopLiaison";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [PrivacyOfficer, CoopLiaison, Auditor];
}
