using Microsoft.AspNetCore.Components.Routing;

namespace IncidentDesk.Web.Layout;

/// <summary>
/// When a menu link is the current page: the rules of ASP.NET Core's <c>NavLink</c> (the component
/// <c>MudNavLink</c> renders), written out so the menu can draw its links as plain markup. Case-insensitive;
/// a trailing slash on the link is optional; <see cref="NavLinkMatch.Prefix"/> needs a separator after the
/// prefix ("incidents" is not active on "incidents-old"); <see cref="NavLinkMatch.All"/> ignores the query string
/// and fragment.
/// </summary>
internal static class NavLinkMatcher
{
    public static bool IsActive(string currentUriAbsolute, string hrefAbsolute, NavLinkMatch match)
    {
        var current = currentUriAbsolute.AsSpan();
        var href = hrefAbsolute.AsSpan();
        if (EqualsExactlyOrWithTrailingSlash(current, href))
        {
            return true;
        }

        if (match == NavLinkMatch.Prefix)
        {
            return IsStrictlyPrefixWithSeparator(currentUriAbsolute, hrefAbsolute);
        }

        var currentPath = WithoutQueryAndFragment(current);
        return EqualsExactlyOrWithTrailingSlash(currentPath, href)
            || EqualsExactlyOrWithTrailingSlash(currentPath, WithoutQueryAndFragment(href));
    }

    private static ReadOnlySpan<char> WithoutQueryAndFragment(ReadOnlySpan<char> uri)
    {
        var end = uri.IndexOfAny('?', '#');
        return end < 0 ? uri : uri[..end];
    }

    private static bool EqualsExactlyOrWithTrailingSlash(ReadOnlySpan<char> current, ReadOnlySpan<char> href) =>
        current.Equals(href, StringComparison.OrdinalIgnoreCase)
        || (current.Length == href.Length - 1 && href[^1] == '/'
            && current.Equals(href[..^1], StringComparison.OrdinalIgnoreCase));

    private static bool IsStrictlyPrefixWithSeparator(string value, string prefix) =>
        value.Length > prefix.Length
        && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (prefix.Length == 0 || !IsUnreserved(prefix[^1]) || !IsUnreserved(value[prefix.Length]));

    private static bool IsUnreserved(char c) => char.IsLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
