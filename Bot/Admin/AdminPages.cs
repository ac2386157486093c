using System.Collections.Concurrent;
using System.Net;

namespace MagLearn.Bot.Admin;

/// <summary>
/// The support team's pages: <c>/admin</c> (insights) and <c>/admin/dialogs</c> (flow diagrams), shown to a
/// signed-in person, and otherwise a sign-in form (status 401) that asks for the admin key. The pages are shells;
/// their data comes from the admin API with the session cookie.
/// </summary>
public static class AdminPages
{
    private const string SignInPath = "/admin/sign-in";

    /// <summary>Pages draw charts with script from this host only; Mermaid puts its styles inline in the diagram.</summary>
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Admin", "Pages");

    /// <summary>The pages change only with a deployment: each is read from disk once.</summary>
    private static readonly ConcurrentDictionary<string, string> Pages = new();

    private static string Read(string file) => Pages.GetOrAdd(file, f => File.ReadAllText(Path.Combine(Folder, f)));

    public static IEndpointRouteBuilder MapAdminPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin", (HttpContext http, AdminSession session) => Page(http, session, "insights.html", "/admin"));
        app.MapGet("/admin/dialogs", (HttpContext http, AdminSession session) => Page(http, session, "dialogs.html", "/admin/dialogs"));
        app.MapPost(SignInPath, SignInAsync);
        app.MapPost("/admin/sign-out", (HttpContext http) =>
        {
            AdminSession.SignOut(http.Response);
            return Results.Redirect("/admin", preserveMethod: false);
        });
        return app;
    }

    private static IResult Page(HttpContext http, AdminSession session, string file, string path) =>
        session.IsSignedIn(http.Request) ? Html(http, Read(file), StatusCodes.Status200OK) : SignInForm(http, path, null);

    private static async Task<IResult> SignInAsync(HttpContext http, AdminSession session, AdminAudit audit)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        var back = form?["return"].ToString() is { } r && (r == "/admin" || r == "/admin/dialogs") ? r : "/admin";
        if (!session.IsKey(form?["key"].ToString()))
        {
            audit.Write(http, "sign-in refused: wrong key");
            return SignInForm(http, back, "That key is not the admin key.");
        }
        audit.Write(http, "signed in");
        session.SignIn(http.Response);
        return Results.Redirect(back, preserveMethod: false);
    }

    private static IResult SignInForm(HttpContext http, string back, string? problem)
    {
        var page = Read("sign-in.html")
            .Replace("{{return}}", WebUtility.HtmlEncode(back))
            .Replace("{{problem}}", problem is null ? "" : $"<p class=\"problem\" role=\"alert\">{WebUtility.HtmlEncode(problem)}</p>");
        return Html(http, page, StatusCodes.Status401Unauthorized);
    }

    private static IResult Html(HttpContext http, string page, int status)
    {
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(page, "text/html; charset=utf-8", statusCode: status);
    }
}
