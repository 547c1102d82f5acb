namespace IncidentDesk.Web;

/// <summary>Marker type for the words only assistive technology and keyboard users meet (Resources/AccessibilityResource*.resx; neutral = pt-BR).</summary>
#pragma warning disable CA1812 // used as the type argument of IStringLocalizer<T>
internal sealed class AccessibilityResource;
#pragma warning restore CA1812
