namespace IncidentDesk.Web;

/// <summary>
/// Marker type for the words of outbound mail and of the mail pages (Resources/MailResource*.resx; the neutral file is
/// pt-BR, MailResource.en.resx holds English).
/// </summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class MailResource;
#pragma warning restore CA1812
