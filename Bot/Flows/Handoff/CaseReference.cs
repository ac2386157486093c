using System.Security.Cryptography;
using System.Text;

namespace MagLearn.Bot.Flows.Handoff;

/// <summary>
/// The reference a case goes by: read out on the phone to support, typed into a support case, and the key the case
/// is recorded under. It is derived from the hand-off's frame (the turn that opened it, in its conversation), so a
/// turn taken twice (a channel's retry, or again after an instance died before saving) names the same case, and the
/// case is recorded once.
/// </summary>
public static class CaseReference
{
    /// <summary>Crockford's base-32 digits: no I, L, O or U to misread on the phone.</summary>
    private const string Digits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Twelve digits (60 bits): a collision among a million cases has odds of about one in two million.</summary>
    private const int Length = 12;

    /// <summary>"MAG-7KQ2-H9XD-3M4P" for the frame <paramref name="frameId"/>; a random one when the frame has no id (saved by an older version).</summary>
    public static string For(string? frameId)
    {
        var seed = frameId is { Length: > 0 } ? frameId : Guid.NewGuid().ToString("N");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        var bits = BitConverter.ToUInt64(hash, 0);
        var text = new StringBuilder("MAG");
        for (var i = 0; i < Length; i++)
        {
            if (i % 4 == 0) text.Append('-');
            text.Append(Digits[(int)(bits & 31)]);
            bits >>= 5;
        }
        return text.ToString();
    }
}
