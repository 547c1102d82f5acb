using QRCoder;

namespace IncidentDesk.Web.Features.Account;

/// <summary>The otpauth:// enrolment link as a QR code image, rendered on the server (no third-party service sees the secret).</summary>
internal static class AuthenticatorQrCode
{
    public static string DataUri(string account, string key)
    {
        var uri = $"otpauth://totp/{Uri.EscapeDataString("IncidentDesk:" + account)}?secret={key}&issuer=IncidentDesk&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return $"data:image/png;base64,{Convert.ToBase64String(png)}";
    }
}
