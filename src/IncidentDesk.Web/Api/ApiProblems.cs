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

    public static ProblemHttpResult Conflict(string title, string detail, string code) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>The JSON name of a service's field key (services name fields after their C# properties).</summary>
    public static string JsonName(string field) =>
        field.Length == 0 ? field : string.Concat(char.ToLower(field[0], CultureInfo.InvariantCulture).ToString(), field[1..]);
}
