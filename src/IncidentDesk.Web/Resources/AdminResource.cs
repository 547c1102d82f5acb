namespace IncidentDesk.Web;

/// <summary>
/// Marker type for the UI strings of user administration and invitations (Resources/AdminResource*.resx;
/// the neutral file is pt-BR, AdminResource.en.resx holds English).
/// </summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class AdminResource;
#pragma warning restore CA1812
