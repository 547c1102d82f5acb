using System.Net;
using System.Net.Sockets;
using IncidentDesk.Core.Exposure;

namespace IncidentDesk.Web.Features.Exposure.Probe;

/// <summary>The one address a check will connect to, or why there is none.</summary>
public sealed record ResolvedTarget(IPEndPoint? EndPoint, ExposureOutcome? Refusal, CheckDetail Detail);

/// <summary>
/// Turns a declared host into the single address a check may contact. Every address the name resolves to must pass
/// <see cref="TargetAddressPolicy"/> — one private address among public ones refuses the whole name, since which one a
/// connection would use is not ours to choose — and the check then connects to that vetted address, never to the name
/// again (a second lookup could answer differently).
/// </summary>
public static class ProbeTarget
{
    public static async Task<ResolvedTarget> ResolveAsync(
        string host, int port, bool allowPrivateTargets, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, limit.Token);
            }
            catch (SocketException)
            {
                return new ResolvedTarget(null, ExposureOutcome.Unreachable, CheckDetail.NameNotResolved);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new ResolvedTarget(null, ExposureOutcome.Unreachable, CheckDetail.NameNotResolved);
            }
        }

        if (addresses.Length == 0)
        {
            return new ResolvedTarget(null, ExposureOutcome.Unreachable, CheckDetail.NameNotResolved);
        }

        if (addresses.Any(a => !TargetAddressPolicy.MayProbe(a, allowPrivateTargets)))
        {
            return new ResolvedTarget(null, ExposureOutcome.TargetRefused, CheckDetail.PrivateAddress);
        }

        // IPv4 first: the servers the desk runs on reach the internet over IPv4 at least.
        var chosen = addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).First();
        return new ResolvedTarget(new IPEndPoint(chosen, port), null, CheckDetail.None);
    }
}
