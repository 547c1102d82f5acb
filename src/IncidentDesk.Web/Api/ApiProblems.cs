using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>One refused field: the machine code a client can branch on and the message a person can read.</summary>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>
/// The API's RFC 7807 answers. Messages come from the same resource files the pages use, in the request's language
/// (see <see cref="ApiRegistration"/>); the codes stay stable across languages, under the "codes" extension.
/// </summary>
internal static class ApiProblems
{
    public static ValidationProblem Validation(IStringLocalizer<ApiResource> api, IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        return TypedResults.ValidationProblem(
            list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: api["Validation.Title"],
            extensions: new Dictionary<string, object?>
            {
                ["codes"] = list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.First().Code),
            });
    }

    public static ProblemHttpResult Forbidden(IStringLocalizer<ApiResource> api) =>
        TypedResults.Problem(title: api["Forbidden.Title"], detail: api["Forbidden.Detail"], statusCode: StatusCodes.Status403Forbidden);

    /// <summary>No token, or one that is unknown, expired or revoked (RFC 6750: the challenge names the scheme).</summary>
    public static ProblemHttpResult Unauthenticated(IStringLocalizer<ApiResource> api) =>
        TypedResults.Problem(title: api["Unauthenticated.Title"], detail: api["Unauthenticated.Detail"], statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>
    /// An officer's or auditor's token while its owner has not enrolled two-factor authentication: the pages would send
    /// them to enrol, the API says where (the token itself is fine and starts working once they have).
    /// </summary>
    public static ProblemHttpResult TwoFactorRequired(IStringLocalizer<ApiResource> api) =>
        TypedResults.Problem(title: api["TwoFactorRequired.Title"], detail: api["TwoFactorRequired.Detail"],
            statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?>
            {
                ["code"] = "TwoFactorRequired",
                ["enrolAt"] = Security.TwoFactorEnrolmentRedirect.EnrolPath,
            });

    /// <summary>An id in the path that does not exist or is not the caller's: worded the same for both, so no id is confirmed.</summary>
    public static ProblemHttpResult NotFound(IStringLocalizer<ApiResource> api) =>
        TypedResults.Problem(title: api["NotFound.Title"], detail: api["NotFound.Detail"], statusCode: StatusCodes.Status404NotFound);

    /// <summary>A path (or a method on a path) no endpoint of the API answers.</summary>
    public static ProblemHttpResult NoSuchEndpoint(IStringLocalizer<ApiResource> api, string method, string path) =>
        TypedResults.Problem(title: api["NoSuchEndpoint.Title"], detail: api["NoSuchEndpoint.Detail", method, path],
            statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string title, string detail, string code) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>The JSON name of a service's field key (services name fields after their C# properties).</summary>
    public static string JsonName(string field) =>
        field.Length == 0 ? field : string.Concat(char.ToLower(field[0], CultureInfo.InvariantCulture).ToString(), field[1..]);
}
