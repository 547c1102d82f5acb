using Microsoft.AspNetCore.Components;

namespace IncidentDesk.Web.Components;

/// <summary>
/// <c>TabWrapperContent="TabHeaders.Untipped"</c> on a <c>MudTabPanel</c>: the same header, without the empty tooltip
/// MudTabs wraps around every tab otherwise (a tooltip, its child container and its popover: three components per tab,
/// kept for as long as the page is open, for tabs that have no tooltip text).
/// </summary>
public static class TabHeaders
{
    public static readonly RenderFragment<RenderFragment> Untipped = header => header;
}
