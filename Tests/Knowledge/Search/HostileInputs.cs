namespace MagLearn.Tests.Knowledge.Search;

/// <summary>
/// What people (and scripts) actually type into a help box: query-language soup, broken quoting, floods, emoji,
/// control characters, markup and injection attempts. Shared by the search, router and HTTP batteries, by name so
/// each case reads in the test list.
/// </summary>
public static class HostileInputs
{
    public const int TooLong = 2000;

    private static readonly Dictionary<string, string?> Cases = new()
    {
        ["lucene operator soup"] = "title:(+a -b) AND \"x\" OR y~2 ^3 * ? [a TO z] {} \\\\ / && || !",
        ["operators around a real question"] = "+password* AND \"reset~2\" -[security TO questions]^10",
        ["field query"] = "body:password heading:* page:billing-support",
        ["wildcards only"] = "* ? ** ??",
        ["unbalanced quote"] = "\"how do I reset my password",
        ["unbalanced brackets"] = "((([[{{reset password",
        ["closing brackets only"] = ")))]]}}",
        ["lone backslash"] = "\\",
        ["10,000 characters"] = Repeat("how do I pay an invoice ", 10_000),
        ["exactly the longest allowed question"] = Repeat("invoice ", TooLong),
        ["one character over the limit"] = Repeat("invoice ", TooLong + 1),
        ["a single very long token"] = new string('x', 1_500),
        ["a single token over the limit"] = new string('x', 5_000),
        ["many different made-up words"] = string.Join(' ', Enumerable.Range(0, 300).Select(Word)),
        ["emoji around a question"] = "\U0001F510\U0001F511 I forgot my password \U0001F62D\U0001F44D\U0001F3FD",
        ["emoji only"] = "\U0001F937\u200D\u2640\uFE0F\U0001F937\u200D\u2640\uFE0F\U0001F525",
        ["control characters"] = "\0\u0001\u0002 reset\u0007 password\u001b[31m\u007f",
        ["nul only"] = "\0",
        ["right-to-left marks"] = "\u202Ereset password\u202C \u200F\u200E\u2067invoice\u2069",
        ["zero-width joiners inside a word"] = "pass\u200Bword re\u200Dset",
        ["lone surrogate"] = "\uD83D reset \uDE00 password",
        ["whitespace only"] = " \t\r\n \u00A0\u2003 ",
        ["empty"] = "",
        ["null"] = null,
        ["sql injection"] = "'; DROP TABLE users; -- OR 1=1 /* password */",
        ["html"] = "<b>password</b><img src=x onerror=alert(1)>",
        ["script"] = "<script>alert('xss')</script>",
        ["json inside text"] = "{\"text\": \"hi\", \"top\": 99}",
        ["url with query"] = "https://example.com/learn?q=password&top=-1#frag",
        ["non-latin script"] = "\u043F\u0430\u0440\u043E\u043B\u044C \u5BC6\u7801 \u0643\u0644\u0645\u0629 \u0627\u0644\u0633\u0631",
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    public static IEnumerable<string> AllNames => Cases.Keys;

    public static string? Text(string name) => Cases[name];

    /// <summary>What the ask API must answer: 400 when there is no question or it is too long, else 200.</summary>
    public static int ExpectedStatus(string name) =>
        string.IsNullOrWhiteSpace(Cases[name]) || Cases[name]!.Length > TooLong ? 400 : 200;

    private static string Repeat(string text, int length) =>
        string.Concat(Enumerable.Repeat(text, length / text.Length + 1))[..length];

    private static string Word(int n) => new(Enumerable.Range(0, 6).Select(i => (char)('a' + (n * 7 + i * 13) % 26)).ToArray());
}
