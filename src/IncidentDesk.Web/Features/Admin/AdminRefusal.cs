using IncidentDesk.Web.Outcomes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Features.Admin;

/// <summary>
/// Refusals of administration and invitation operations: whole-form messages (no field) worded by AdminResource, with
/// the key's last segment as the stable code ("Users.SameCoop" → "SameCoop").
/// </summary>
internal static class AdminRefusal
{
    public static Failure Of(string key, params object[] arguments) =>
        Result.Invalid("", key[(key.LastIndexOf('.') + 1)..], key, arguments);

    /// <summary>
    /// ASP.NET Identity's refusals (password rules, duplicate e-mail) arrive already worded in the reader's language by
    /// <c>LocalizedIdentityErrorDescriber</c>; the worded text stands as its own message key, which a localizer that does
    /// not know it returns unchanged.
    /// </summary>
    public static Failure Of(IEnumerable<IdentityError> errors) =>
        Result.Invalid(errors.Select(e => new FieldError("", e.Code, e.Description)));

    /// <summary>What a page shows for a refused operation: its messages, or the not-found or forbidden notice.</summary>
    public static IReadOnlyList<string> Messages(
        this IStringLocalizer<AdminResource> text, Result result, IStringLocalizer shared, string notFoundKey) => result.Status switch
    {
        ResultStatus.Success => [],
        ResultStatus.NotFound => [text[notFoundKey]],
        ResultStatus.Forbidden => [shared["Result.Forbidden"]],
        _ => [.. result.Errors.Select(text.Message)],
    };
}
