using System.Text;

namespace MagLearn.Knowledge.Content;

/// <summary>Turns a heading into a URL-safe section id, the way help sites build their anchors.</summary>
public static class Slug
{
    public static string From(string text)
    {
        var slug = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0) slug.Append('-');
                slug.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (c is ' ' or '-' or '_' or '/' or '.' or ',' or ':' or '&')
            {
                pendingHyphen = true;
            }
        }
        return slug.Length == 0 ? "section" : slug.ToString();
    }
}
