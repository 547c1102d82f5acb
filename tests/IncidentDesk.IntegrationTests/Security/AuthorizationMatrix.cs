namespace IncidentDesk.IntegrationTests.Security;

/// <summary>What a person in each role gets from one endpoint.</summary>
public enum Outcome
{
    /// <summary>200 with the content.</summary>
    Ok,

    /// <summary>302 to the sign-in page.</summary>
    ToSignIn,

    /// <summary>302 to "access denied" (signed in, wrong role).</summary>
    Denied,

    /// <summary>404: the object is not theirs, and its existence is not confirmed.</summary>
    NotFound,

    /// <summary>401 from the API (no or bad bearer token).</summary>
    Unauthorized,

    /// <summary>400: a state-changing post without its antiforgery token.</summary>
    BadRequest,

    /// <summary>403 from the API: the caller is known, sees the object, but their role may not change it (audited).</summary>
    Forbidden,

    /// <summary>302 somewhere harmless (e.g. back to the page named in returnUrl).</summary>
    Redirect,
}

/// <summary>One row: the route as the app maps it, how to call it, and the outcome per role.</summary>
public sealed record MatrixRow(
    string Method, string Pattern, string Path,
    Outcome Anonymous, Outcome LiaisonA, Outcome LiaisonB, Outcome Auditor, Outcome Officer)
{
    public Outcome For(string role) => role switch
    {
        "Anonymous" => Anonymous,
        "LiaisonA" => LiaisonA,
        "LiaisonB" => LiaisonB,
        "Auditor" => Auditor,
        "Officer" => Officer,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>The API and the hub: called with a bearer token, never with the browser session.</summary>
    public bool IsApi => Pattern.StartsWith("api/", StringComparison.Ordinal) || Pattern.StartsWith("hubs/", StringComparison.Ordinal);
}

/// <summary>
/// The expected answer of every endpoint to every role, written as data. Liaison A works for SP-004 (involved
/// in the reference incident); liaison B for RJ-001 (not involved). {incident} is the reference incident,
/// {coopA} is SP-004's id, {figure} the reference incident's first key figure. A route the app maps without a row here fails <see cref="AuthorizationMatrixTests"/>.
/// </summary>
public static class AuthorizationMatrix
{
    private const Outcome Ok = Outcome.Ok, In = Outcome.ToSignIn, No = Outcome.Denied, Nf = Outcome.NotFound,
        Un = Outcome.Unauthorized, Bad = Outcome.BadRequest, Re = Outcome.Redirect, Fb = Outcome.Forbidden;

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        //                                                                anonymous liaisonA liaisonB auditor officer
        new("GET", "", "", In, Ok, Ok, Ok, Ok),
        new("GET", "coops", "coops", In, Ok, Ok, Ok, Ok),
        // A liaison opens only their own co-op; another id answers like a missing one.
        new("GET", "coops/{Id:int}", "coops/{coopA}", In, Ok, Nf, Ok, Ok),
        new("GET", "coops/export/csv", "coops/export/csv", In, No, No, Ok, Ok),
        // Exposure watch: every role opens it and downloads its list; a liaison's holds their own co-op's endpoints only
        // (the service scopes it; Exposure/ExposureEndpointTests proves it).
        new("GET", "exposure", "exposure", In, Ok, Ok, Ok, Ok),
        new("GET", "exposure/csv", "exposure/csv?state=Exposed", In, Ok, Ok, Ok, Ok),
        new("GET", "incidents", "incidents", In, Ok, Ok, Ok, Ok),
        new("GET", "incidents/{Id:int}", "incidents/{incident}", In, Ok, Nf, Ok, Ok),
        new("GET", "incidents/new", "incidents/new", In, No, No, No, Ok),
        new("GET", "my-tasks", "my-tasks", In, Ok, Ok, Ok, Ok),
        new("GET", "audit", "audit", In, No, No, Ok, Ok),
        new("GET", "calendar", "calendar", In, No, No, Ok, Ok),
        // The incident register (R15 art. 10) and its CSV: officers and auditors only; rows and the audited export in Register/RegisterTests.
        new("GET", "register", "register", In, No, No, Ok, Ok),
        new("GET", "register/csv", "register/csv?status=Pending", In, No, No, Ok, Ok),
        new("GET", "admin", "admin", In, No, No, No, Ok),
        new("GET", "not-found", "not-found", In, Ok, Ok, Ok, Ok),
        new("GET", "error", "error", Ok, Ok, Ok, Ok, Ok),
        new("GET", "health", "health", Ok, Ok, Ok, Ok, Ok),
        new("GET", "health/live", "health/live", Ok, Ok, Ok, Ok, Ok),
        new("GET", "health/ready", "health/ready", Ok, Ok, Ok, Ok, Ok),
        new("GET", "account/login", "account/login", Ok, Ok, Ok, Ok, Ok),
        new("GET", "account/login-2fa", "account/login-2fa", Re, Re, Re, Re, Re),
        new("GET", "account/setup", "account/setup", Ok, Ok, Ok, Ok, Ok),
        new("GET", "account/access-denied", "account/access-denied", Ok, Ok, Ok, Ok, Ok),
        new("GET", "account/two-factor", "account/two-factor", In, Ok, Ok, Ok, Ok),
        new("GET", "account/tokens", "account/tokens", In, Ok, Ok, Ok, Ok),
        new("GET", "account/invitation", "account/invitation?token=unknown", Ok, Ok, Ok, Ok, Ok),
        new("GET", "preferences/culture", "preferences/culture?culture=pt-BR&returnUrl=%2F", Re, Re, Re, Re, Re),
        // The mail log: officers act on it, auditors read it, liaisons get nothing (Mail/SendingTests for the service).
        new("GET", "mail", "mail", In, No, No, Ok, Ok),
        new("GET", "account/mail", "account/mail", In, Ok, Ok, Ok, Ok),
        // The List-Unsubscribe address works without a session: its signed token names the person. A missing or forged
        // token changes nothing (the page says so; the form post goes back to it). One-click in Mail/LaunchNoticeTests.
        new("GET", "mail/unsubscribe", "mail/unsubscribe?token=forged", Ok, Ok, Ok, Ok, Ok),
        new("POST", "mail/unsubscribe", "mail/unsubscribe?token=forged", Re, Re, Re, Re, Re),
        new("POST", "account/logout", "account/logout", In, Bad, Bad, Bad, Bad),
        new("POST", "account/logout-everywhere", "account/logout-everywhere", In, Bad, Bad, Bad, Bad),
        new("GET", "incidents/{Id:int}/edit", "incidents/{incident}/edit", In, No, No, No, Ok),
        // Playbooks: officers and auditors read (auditors read-only), only officers create. Playbook 1 is the seeded one;
        // an unknown id is a 404 for those who may read playbooks at all.
        new("GET", "playbooks", "playbooks", In, No, No, Ok, Ok),
        new("GET", "playbooks/new", "playbooks/new", In, No, No, No, Ok),
        new("GET", "playbooks/{Id:int}/edit", "playbooks/1/edit", In, No, No, Ok, Ok),
        new("GET", "playbooks/{Id:int}/edit", "playbooks/2147483647/edit", In, No, No, Nf, Nf),
        new("GET", "openapi/{documentName}.json", "openapi/v1.json", In, Ok, Ok, Ok, Ok),
        // API writes are sent with an empty JSON body: an officer gets 400 (nothing changes on the shared host),
        // a role that may not write 403, a liaison of a co-op that is not involved 404.
        new("GET", "api/v1/me", "api/v1/me", Un, Ok, Ok, Ok, Ok),
        new("GET", "api/v1/coops", "api/v1/coops", Un, Ok, Ok, Ok, Ok),
        new("GET", "api/v1/coops/{id:int}", "api/v1/coops/{coopA}", Un, Ok, Nf, Ok, Ok),
        new("GET", "api/v1/incidents", "api/v1/incidents", Un, Ok, Ok, Ok, Ok),
        new("POST", "api/v1/incidents", "api/v1/incidents", Un, Fb, Fb, Fb, Bad),
        new("GET", "api/v1/incidents/{id:int}", "api/v1/incidents/{incident}", Un, Ok, Nf, Ok, Ok),
        new("PUT", "api/v1/incidents/{id:int}", "api/v1/incidents/{incident}", Un, Fb, Nf, Fb, Bad),
        new("POST", "api/v1/incidents/{id:int}/transitions", "api/v1/incidents/{incident}/transitions", Un, Fb, Nf, Fb, Bad),
        new("GET", "api/v1/incidents/{id:int}/figures", "api/v1/incidents/{incident}/figures", Un, Ok, Nf, Ok, Ok),
        new("POST", "api/v1/incidents/{id:int}/figures", "api/v1/incidents/{incident}/figures", Un, Fb, Nf, Fb, Bad),
        new("PUT", "api/v1/incidents/{id:int}/figures/{figureId:int}", "api/v1/incidents/{incident}/figures/{figure}", Un, Fb, Nf, Fb, Bad),
        new("GET", "api/v1/incidents/{id:int}/involvements", "api/v1/incidents/{incident}/involvements", Un, Ok, Nf, Ok, Ok),
        new("POST", "api/v1/incidents/{id:int}/involvements", "api/v1/incidents/{incident}/involvements", Un, Fb, Nf, Fb, Bad),
        new("PUT", "api/v1/incidents/{id:int}/involvements/{coopId:int}", "api/v1/incidents/{incident}/involvements/{coopA}", Un, Fb, Nf, Fb, Bad),
        new("GET", "api/v1/incidents/{id:int}/timeline", "api/v1/incidents/{incident}/timeline", Un, Ok, Nf, Ok, Ok),
        new("POST", "api/v1/incidents/{id:int}/timeline", "api/v1/incidents/{incident}/timeline", Un, Fb, Nf, Fb, Bad),
        new("GET", "api/v1/tasks", "api/v1/tasks", Un, Ok, Ok, Ok, Ok),
        // The shared host has no campaign: a task id answers 404 to whoever may update tasks, 403 to the auditor.
        new("GET", "api/v1/tasks/{id:int}", "api/v1/tasks/2147483647", Un, Nf, Nf, Nf, Nf),
        new("PATCH", "api/v1/tasks/{id:int}", "api/v1/tasks/2147483647", Un, Nf, Nf, Fb, Nf),
        new("GET", "api/v1/deadlines", "api/v1/deadlines?knowledgeAt=2025-04-16T10:00:00-03:00", Un, Ok, Ok, Ok, Ok),
        new("GET", "api/v1/incidents/{id:int}/deadlines", "api/v1/incidents/{incident}/deadlines", Un, Ok, Nf, Ok, Ok),
        // Launching and cancelling campaigns is the officers' (2FA) act: the empty body is refused (400) for them; a liaison
        // of an involved co-op and the auditor are refused (403), a liaison of another co-op does not see the incident (404).
        // No campaign exists on the shared host: cancelling one answers 404 to an officer, 403 to every other role.
        new("POST", "api/v1/incidents/{id:int}/campaigns", "api/v1/incidents/{incident}/campaigns", Un, Fb, Nf, Fb, Bad),
        new("POST", "api/v1/campaigns/{id:int}/cancellation", "api/v1/campaigns/2147483647/cancellation", Un, Fb, Fb, Fb, Nf),
        new("POST", "hubs/incidents/negotiate", "hubs/incidents/negotiate?negotiateVersion=1", Un, Ok, Ok, Ok, Ok),
        // A plain GET without a connection id is a malformed hub request once authenticated.
        new("GET", "hubs/incidents", "hubs/incidents", Un, Bad, Bad, Bad, Bad),
        // No evidence exists in the shared host: signed-in callers all get 404 (ids are never confirmed). Per-role
        // downloads of real files (shared, unshared, other incident) are in Incidents/EvidenceDownloadTests.
        new("GET", "incidents/{id:int}/evidence/{evidenceId:int}/download", "incidents/{incident}/evidence/2147483647/download", In, Nf, Nf, Nf, Nf),
        new("GET", "incidents/{id:int}/timeline/csv", "incidents/{incident}/timeline/csv", In, Ok, Nf, Ok, Ok),
        new("GET", "incidents/{id:int}/timeline/json", "incidents/{incident}/timeline/json?kind=Fact", In, Ok, Nf, Ok, Ok),
        // Matrix downloads are for officers and auditors; the shared host has no campaign, so they get 404. Real files and
        // the liaison's audited refusal are in Campaigns/MatrixExportTests.
        new("GET", "campaigns/{id:int}/matrix/csv", "campaigns/2147483647/matrix/csv", In, No, No, Nf, Nf),
        new("GET", "campaigns/{id:int}/matrix/xlsx", "campaigns/2147483647/matrix/xlsx?overdue=true", In, No, No, Nf, Nf),
        // Generated drafts are for officers and auditors: a liaison sees only their co-op's approved versions. Another
        // co-op's liaison asking for SP-004's draft is in Notifications/DraftServiceTests.
        new("GET", "incidents/{id:int}/drafts/{coopId:int}/{kind}/md", "incidents/{incident}/drafts/{coopA}/AnpdComplete/md", In, Nf, Nf, Ok, Ok),
        // The shared host has no saved version: every signed-in caller gets 404. Approved/unapproved/other co-op downloads
        // per role are in Notifications/DraftVersionTests.
        new("GET", "incidents/{id:int}/drafts/versions/{versionId:int}/{format}", "incidents/{incident}/drafts/versions/2147483647/md", In, Nf, Nf, Nf, Nf),
        // The only anonymous surface: security.txt, the disclosure policy, the report form and the status page (a code opens one
        // report: Reports/ReportStatusTests). Posts without their antiforgery token are refused for everyone; the officers'
        // inbox is closed to liaisons (auditors read it; triage is refused to them in Reports/ReportIntakeTests).
        new("GET", ".well-known/security.txt", ".well-known/security.txt", Ok, Ok, Ok, Ok, Ok),
        new("GET", "disclosure", "disclosure", Ok, Ok, Ok, Ok, Ok),
        new("GET", "report", "report", Ok, Ok, Ok, Ok, Ok),
        new("POST", "report", "report", Bad, Bad, Bad, Bad, Bad),
        new("GET", "report/status", "report/status", Ok, Ok, Ok, Ok, Ok),
        new("POST", "report/status", "report/status", Bad, Bad, Bad, Bad, Bad),
        new("GET", "intake", "intake", In, No, No, Ok, Ok),
    ];

    public static readonly IReadOnlyList<string> Roles = ["Anonymous", "LiaisonA", "LiaisonB", "Auditor", "Officer"];
}
