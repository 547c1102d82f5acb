namespace IncidentDesk.Web.Features.Audit;

/// <summary>What the audit trail calls each operation: one place, so a name seen in the trail finds its writer.</summary>
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

    // The main writes of the desk's work, each named at its write site (AuditLog.SaveChangesAsync(db, action)). Entity
    // changes keep the names the trail has always stored for them (<Type>.<Created|Updated|Deleted>), so earlier entries,
    // their filters and their verification read the same; the trail checks that a write named so makes that change.
    // Any other write is named by the trail the same way, without a constant.
    public const string IncidentCreated = "Incident.Created";
    // An edit and a status change are both stored as an update of the incident; the event on its timeline tells which.
    public const string IncidentEdited = "Incident.Updated";
    public const string IncidentStatusChanged = "Incident.Updated";
    /// <summary>A co-op's task answered or its status changed, by its liaison or an officer on its behalf.</summary>
    public const string TaskUpdated = "CoopTask.Updated";
    public const string KeyFigureCreated = "KeyFigure.Created";
    public const string KeyFigureUpdated = "KeyFigure.Updated";
    public const string InvolvementCreated = "CoopInvolvement.Created";
    public const string InvolvementUpdated = "CoopInvolvement.Updated";
    public const string InvolvementsBulkAdded = "Involvement.BulkAdded";
    public const string InvolvementKnowledgeChanged = "Involvement.KnowledgeChanged";
    public const string TimelineEventCreated = "TimelineEvent.Created";
    public const string TimelineEventUpdated = "TimelineEvent.Updated";
    public const string EvidenceCreated = "Evidence.Created";
    /// <summary>A notification draft kept as a new version: the generated text, or an officer's edit of it.</summary>
    public const string DraftVersionSaved = "DraftVersion.Created";
    /// <summary>A version of a notification draft approved (the only change a version ever takes).</summary>
    public const string DraftApproved = "DraftVersion.Updated";
    public const string RelevanceAssessed = "RelevanceAssessment.Created";
    public const string CampaignLaunched = "Campaign.Launched";
    public const string CampaignCancelled = "Campaign.Cancelled";
    public const string PlaybookCreated = "Playbook.Created";
    public const string PlaybookUpdated = "Playbook.Updated";
    public const string CoopsImported = "Coops.Imported";
}
