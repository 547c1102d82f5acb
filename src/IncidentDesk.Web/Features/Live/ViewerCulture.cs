using System.Globalization;

namespace IncidentDesk.Web.Features.Live;

/// <summary>
/// A change reaches a page on the publisher's thread — another person's request, or a message from another instance
/// through Redis — which carries that person's culture, or none. A page captures its viewer's culture when it subscribes
/// and re-renders under it, so an officer reading in Portuguese never sees "11/28/2026" after someone else's update.
/// </summary>
internal readonly record struct ViewerCulture(CultureInfo Culture, CultureInfo UiCulture)
{
    public static ViewerCulture Current => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary>Runs <paramref name="work"/> (on the circuit) under the viewer's culture.</summary>
    public Func<Task> Apply(Func<Task> work)
    {
        var (culture, uiCulture) = (Culture, UiCulture);
        return () =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            return work();
        };
    }
}
