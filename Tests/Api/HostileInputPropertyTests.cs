using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MagLearn.Bot.Channels.DirectLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Api;

/// <summary>
/// Generated hostile input through every way in: activities to <c>/api/messages</c> and to the local Direct Line,
/// questions to <c>/api/ask</c>, with wrong types, missing and huge fields, Unicode edge cases, Lucene syntax,
/// Markdown and HTML, choices that do not exist, card submits with foreign data and replayed ids. Whatever comes,
/// no 5xx, no error or exception in the log, and a conversation walking a flow beside them goes on where it was.
/// </summary>
public class HostileInputPropertyTests(HostileInputPropertyTests.OwnHost host) : IClassFixture<HostileInputPropertyTests.OwnHost>
{
    /// <summary>Generated cases; each sends <see cref="PerCase"/> inputs at once.</summary>
    private const int Cases = 2_600;

    private const int PerCase = 4;

    private const string Secret = "hostile-input-direct-line-secret";

    /// <summary>A host of its own: its log must hold only what this test caused.</summary>
    public sealed class OwnHost : MagLearnHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:Kind", "Memory");
            builder.UseSetting("DirectLine:Local:Enabled", "true");
            builder.UseSetting("DirectLine:Local:Secret", Secret);
        }
    }

    public sealed record Input(string Method, string Path, string? Body)
    {
        public override string ToString() => $"{Method} {Path} {(Body is null ? "" : Body.Length > 600 ? Body[..600] + $"... ({Body.Length} chars)" : Body)}";
    }

    [Fact]
    public async Task Ten_thousand_generated_inputs_get_no_5xx_leave_no_error_and_do_not_disturb_a_conversation_beside_them()
    {
        var client = host.CreateClient();
        var control = "control-" + Guid.NewGuid().ToString("N")[..8];
        await SayAsync(client, control, "I forgot my password");
        var directLine = new List<string>();
        for (var i = 0; i < 4; i++) directLine.Add(await StartDirectLineAsync(client));
        var sent = 0;

        var property = Prop.ForAll(Arb.From(Gen.ArrayOf(InputFor(directLine), PerCase)), inputs =>
        {
            var statuses = Task.WhenAll(inputs.Select(i => SendAsync(client, i))).GetAwaiter().GetResult();
            Interlocked.Add(ref sent, inputs.Length);
            var failed = inputs.Zip(statuses).Where(p => p.Second >= 500).Select(p => $"{p.Second} for {p.First}").ToList();
            // The inputs that got one, and the last exception the host logged, which is most likely why.
            return failed.Count == 0 ? true : throw new InvalidOperationException(string.Join("\n", failed)
                + "\n" + host.Logs.Entries.LastOrDefault(e => e.Exception is not null)?.Exception);
        });
        // Off the test's synchronisation context: the property waits on the host's answers.
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true), property));
        var conversations = host.Services.GetRequiredService<DirectLineConversations>();
        foreach (var id in directLine) await (conversations.Find(id)?.Enqueue(() => Task.CompletedTask) ?? Task.CompletedTask);

        Assert.InRange(sent, 10_000, int.MaxValue);
        Assert.Contains("Have you tried **Forgot Password**", await SayAsync(client, control, "no"));
        Assert.Empty(host.Logs.Entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null)
            .Select(e => $"{e.Category}: {e.Message} {e.Exception}"));
    }

    private static Gen<Input> InputFor(IReadOnlyList<string> directLine) => Gen.Frequency(
        (4, Activity().Select(a => new Input("POST", "/api/messages", a.ToString(Formatting.None)))),
        (3, Gen.Zip(Gen.Elements(directLine.Append("no-such-conversation").ToArray()), Activity())
            .Select(p => new Input("POST", $"/v3/directline/conversations/{p.Item1}/activities", p.Item2.ToString(Formatting.None)))),
        (2, Text().Select(q => new Input("GET", "/api/ask?q=" + Uri.EscapeDataString(q), null))),
        (2, Json(2).Select(v => new Input("POST", "/api/ask", new JObject { ["q"] = v }.ToString(Formatting.None)))),
        (1, Text().Select(raw => new Input("POST", Pick(raw.Length, "/api/ask", "/api/messages"), raw))));

    private static string Pick(int seed, params string[] paths) => paths[seed % paths.Length];

    /// <summary>
    /// An activity as a stranger might send one: each field present or not, of the right type or not. Replies come
    /// back in the response (expectReplies) to this machine, so no reply goes out to an address that is not there.
    /// </summary>
    private static Gen<JObject> Activity() =>
        from type in Gen.Frequency((6, Gen.Constant<JToken>("message")), (1, Gen.Elements<JToken>("event", "invoke", "conversationUpdate",
            "messageReaction", "typing", "endOfConversation", "installationUpdate", "", "MESSAGE", 42, JValue.CreateNull())), (1, Json(1)))
        from text in Gen.Frequency((6, Text().Select(t => (JToken)t)), (1, Json(2)))
        from value in Gen.Frequency((2, Gen.Constant<JToken?>(null)), (2, Choice().Select(c => (JToken?)c)), (1, Json(3).Select(j => (JToken?)j)))
        from conversation in Gen.Frequency((5, Gen.Elements("fuzz-a", "fuzz-b", "fuzz-c").Select(id => (JToken)new JObject { ["id"] = id })),
            (1, Text().Select(id => (JToken)new JObject { ["id"] = id })), (1, Json(1)))
        from id in Gen.Frequency((3, Gen.Choose(0, int.MaxValue).Select(n => (JToken)$"m-{n}")), (1, Gen.Elements<JToken>("replayed-1", "replayed-2")), (1, Json(1)))
        from channel in Gen.Elements<JToken>("emulator", "directline", "webchat", "msteams", "test", "", 7)
        from sender in Gen.Frequency((4, Text().Select(name => (JToken)new JObject { ["id"] = "fuzz-user", ["name"] = name })), (1, Json(1)))
        from attachments in Gen.Frequency((4, Gen.Constant<JToken?>(null)), (1, Card().Select(c => (JToken?)new JArray(c))), (1, Json(2).Select(j => (JToken?)j)))
        from drop in Gen.Elements(Array.Empty<string>(), ["text"], ["type"], ["from"], ["conversation"], ["channelId"], ["recipient"])
        select Without(new JObject
        {
            ["type"] = type,
            ["id"] = id,
            ["text"] = text,
            ["value"] = value,
            ["attachments"] = attachments,
            ["channelId"] = channel,
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = sender,
            ["recipient"] = new JObject { ["id"] = "maglearn-bot" },
            ["conversation"] = conversation,
            ["locale"] = "en-US",
        }, drop);

    private static JObject Without(JObject activity, string[] fields)
    {
        foreach (var field in fields) activity.Remove(field);
        foreach (var empty in activity.Properties().Where(p => p.Value.Type == JTokenType.Null && p.Name is "value" or "attachments").ToList()) empty.Remove();
        return activity;
    }

    /// <summary>What a button or a card sends, with areas, flows and passages that exist and that do not.</summary>
    private static Gen<JObject> Choice() =>
        from key in Gen.Elements("helpArea", "flow", "page", "choice", "action")
        from name in Gen.Frequency((2, Gen.Elements("login", "credentials", "login-assistance", "support-handoff", "learn")), (3, Text()))
        from extra in Json(2)
        select new JObject { [key] = name, ["section"] = extra, ["foreign"] = extra };

    private static Gen<JObject> Card() =>
        from content in Json(3)
        select new JObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = content };

    /// <summary>JSON of any shape, <paramref name="depth"/> levels deep at most.</summary>
    private static Gen<JToken> Json(int depth)
    {
        var leaf = Gen.OneOf(
            Text().Select(t => (JToken)t),
            Gen.Choose(-1000, 1000).Select(n => (JToken)n),
            Gen.Elements<JToken>(true, false, JValue.CreateNull(), double.MaxValue, long.MinValue, 0.1));
        if (depth == 0) return leaf;
        var inner = Json(depth - 1);
        return Gen.Frequency(
            (3, leaf),
            (1, Gen.ListOf(inner).Select(items => (JToken)new JArray(items.Take(5)))),
            (1, Gen.ListOf(Gen.Zip(Gen.Elements("text", "value", "type", "id", "flow", "helpArea", "$type", "__proto__", "q"), inner))
                .Select(pairs => (JToken)new JObject(pairs.Take(5).DistinctBy(p => p.Item1).Select(p => new JProperty(p.Item1, p.Item2))))));
    }

    /// <summary>Words people type and words nobody should: edge cases of Unicode, search syntax, markup, sizes.</summary>
    private static Gen<string> Text() => Gen.Frequency(
        (4, Gen.Elements(Hostile)),
        (3, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")),
        (2, Gen.Zip(Gen.Elements(Hostile), Gen.Elements(Hostile)).Select(p => p.Item1 + " " + p.Item2)),
        (1, Gen.Elements(Huge)));

    private static readonly string[] Hostile =
    [
        "", " ", "\t\n", "\0", "\uFFFF", "\uD800", "\uDC00x", "\u202Eevil", "e\u0301\u0301\u0301", "🙂🙂🙂", "👩‍👩‍👧‍👦", "ﷺ", "𝕳𝖊𝖑𝖕",
        "title:(a OR b)^3", "*:*", "a~2", "\"unterminated", "[a TO z]", "{!lucene}", "a AND OR NOT", "\\", "?*", "/.*/", "+-&&||!(){}[]^\"~*?:\\/",
        "[x](javascript:alert(1))", "![i](http://169.254.169.254/)", "# H\n---\n|a|b|\n|-|-|", "**bold** _it_ `code`",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!--", "&#x0;", "{{x}}", "${x}", "{0}", "%s%n",
        "'; DROP TABLE state; --", "help", "talk to a person", "I forgot my password", "yes", "no", "cancel", "start over",
        "my password is Hunter2!", "my code is 4821", "4111 1111 1111 1111", "how do I pay an invoice?", "renew my credential",
    ];

    private static readonly string[] Huge = [new string('a', 5_000), string.Concat(Enumerable.Repeat("password ", 3_000)), string.Concat(Enumerable.Repeat("🙂", 20_000)), new string('x', 300_000)];

    private static async Task<int> SendAsync(HttpClient client, Input input)
    {
        using var request = new HttpRequestMessage(new HttpMethod(input.Method), input.Path);
        if (input.Body is not null) request.Content = new StringContent(input.Body, Encoding.UTF8, "application/json");
        if (input.Path.StartsWith("/v3/", StringComparison.Ordinal)) request.Headers.Authorization = new("Bearer", Secret);
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    private static async Task<string> StartDirectLineAsync(HttpClient client)
    {
        var answer = await SendWithBodyAsync(client, "/v3/directline/conversations", "{}");
        return JObject.Parse(answer).Value<string>("conversationId")!;
    }

    private static async Task<string> SendWithBodyAsync(HttpClient client, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", Secret);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> SayAsync(HttpClient client, string conversation, string text)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["text"] = text,
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JObject { ["id"] = "control-user", ["name"] = "Pat" },
            ["recipient"] = new JObject { ["id"] = "maglearn-bot" },
            ["conversation"] = new JObject { ["id"] = conversation },
        };
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
