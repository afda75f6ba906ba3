using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClusterBot.Discord.Sending;

/// <summary>
/// The nonce of one part of a reply. Sent with enforce_nonce, it makes Discord return the message it already
/// created for a retried post (a 5xx after creation) instead of posting it twice. Derived from the question and
/// the part, not random, so a reply redelivered after a restart within Discord's window is recognised as well.
/// </summary>
internal static class MessageNonce
{
    /// <summary>Discord accepts nonces of up to 25 characters.</summary>
    private const int MaxLength = 25;

    public static string For(string questionId, int part)
    {
        var nonce = questionId + "-" + part.ToString(CultureInfo.InvariantCulture);
        return nonce.Length <= MaxLength ? nonce : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)))[..MaxLength];
    }
}
