namespace IncidentDesk.Web.Features.Audit;

/// <summary>Names of audit actions that are not plain entity changes.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "SignIn.Succeeded";
    public const string SignInFailed = "SignIn.Failed";
    public const string SignInLockedOut = "SignIn.LockedOut";
    public const string SignInTwoFactorFailed = "SignIn.TwoFactorFailed";
    public const string SignedOut = "SignOut";
    public const string SignedOutEverywhere = "SignOut.Everywhere";
    public const string AccessDenied = "Access.Denied";
    public const string UserCreated = "User.Created";
    public const string UserDeactivated = "User.Deactivated";
    public const string UserRoleChanged = "User.RoleChanged";
    public const string UserCoopChanged = "User.CoopChanged";
    public const string TwoFactorEnabled = "User.TwoFactorEnabled";
    public const string TwoFactorReset = "User.TwoFactorReset";
    public const string RecoveryCodesGenerated = "User.RecoveryCodesGenerated";
    public const string InvitationCreated = "Invitation.Created";
    public const string InvitationResent = "Invitation.Resent";
    public const string InvitationRevoked = "Invitation.Revoked";
    public const string InvitationAccepted = "Invitation.Accepted";
    public const string TokenCreated = "Token.Created";
    public const string TokenRevoked = "Token.Revoked";
    public const string AuditVerified = "Audit.Verified";
    public const string AuditKeyRotated = "Audit.KeyRotated";
    public const string DatabaseBackedUp = "Database.BackedUp";
    public const string DatabaseRestored = "Database.Restored";
    public const string Exported = "Export";
    public const string PreferencesChanged = "Preferences.Changed";
    public const string UsersListed = "Users.Listed";
}
