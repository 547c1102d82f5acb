namespace IncidentDesk.Web;

/// <summary>
/// Marker type for the UI strings in Resources/SharedResource*.resx. The neutral file is pt-BR
/// (the product's default language); SharedResource.en.resx holds English.
/// </summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class SharedResource;
#pragma warning restore CA1812
