using Microsoft.AspNetCore.Authorization;

namespace IncidentDesk.Web.Security;

/// <summary>Named authorization policies. Every one of them (and the fallback) also demands 2FA where the role requires it.</summary>
public static class Policies
{
    public const string Officer = "Officer";
    public const string OfficerOrAuditor = "OfficerOrAuditor";

    /// <summary>Signed in, 2FA enrolment still allowed to be pending: only the enrolment and sign-out pages use it.</summary>
    public const string SignedIn = "SignedIn";

    public static AuthorizationPolicy Fallback { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser().AddRequirements(new TwoFactorEnrolledRequirement()).Build();

    public static void Add(AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // A bare [Authorize] means the same as no attribute at all: signed in, 2FA where the role requires it.
        builder.SetFallbackPolicy(Fallback)
            .SetDefaultPolicy(Fallback)
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Officer, p => p.Combine(Fallback).RequireRole(AppRoles.PrivacyOfficer))
            .AddPolicy(OfficerOrAuditor, p => p.Combine(Fallback).RequireRole(AppRoles.PrivacyOfficer, AppRoles.Auditor));
    }
}
