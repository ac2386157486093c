using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Search;
using static MagLearn.Tests.Knowledge.TinyLearn;

namespace MagLearn.Tests.Knowledge.Analysis;

/// <summary>
/// The synonym map content authors keep in content/synonyms.txt: a passage written one way is found by a question
/// asked another way. Each index has a passage that should match and a neighbour that should not.
/// </summary>
public class SynonymTests
{
    private static readonly (string, string) Shop =
        Page("shop", S("checkout", "Paying at checkout", "Add the product to your basket and pay by credit card."));

    private static QuestionSearch SearchOver(params (string, string)[] pages) => SearchOf(RealLanguage, [.. pages, Shop]);

    private static QuestionSearch OneTimePasswordPages(LanguageResources language) => SearchOf(language,
        Page("credentials", S("codes", "Codes at login", "Type the one time password shown in the app after your password.")),
        Shop);

    [Theory]
    [InlineData("otp")]
    [InlineData("2fa")]
    [InlineData("where do I type the mfa")]
    [InlineData("second factor")]
    public void A_passage_about_a_one_time_password_is_found_by_its_other_names(string question)
    {
        Assert.Equal("credentials#codes", OneTimePasswordPages(RealLanguage).Ranked(question).FirstOrDefault());
    }

    [Fact]
    public void Without_the_synonym_map_otp_finds_nothing()
    {
        Assert.Empty(OneTimePasswordPages(LanguageResources.Empty).Ranked("otp"));
    }

    [Fact]
    public void Org_admin_finds_a_passage_about_the_organization_administrator()
    {
        var search = SearchOver(Page("roles", S("approvals", "Approving new users", "The organization administrator approves each request.")));

        Assert.Equal("roles#approvals", search.Ranked("who is our org admin").FirstOrDefault());
    }

    [Fact]
    public void Organization_administrator_finds_a_passage_about_the_org_admin()
    {
        var search = SearchOver(Page("roles", S("approvals", "Approving new users", "Your org admin approves each request.")));

        Assert.Equal("roles#approvals", search.Ranked("who is our organization administrator").FirstOrDefault());
    }

    [Fact]
    public void Username_finds_a_passage_about_the_user_id()
    {
        var search = SearchOver(Page("login", S("reminder", "Getting a reminder", "Your user ID is sent to the address on your profile.")));

        Assert.Equal("login#reminder", search.Ranked("what is my username").FirstOrDefault());
    }

    [Fact]
    public void User_id_finds_a_passage_about_the_username()
    {
        var search = SearchOver(Page("login", S("reminder", "Getting a reminder", "Your username is sent to the address on your profile.")));

        Assert.Equal("login#reminder", search.Ranked("what is my user id").FirstOrDefault());
    }

    [Fact]
    public void Cant_remember_with_an_apostrophe_finds_the_passage_about_a_forgotten_password()
    {
        var search = SearchOver(Page("passwords",
            S("change", "Changing a password", "Open your profile and choose a new password."),
            S("forgotten", "A forgotten password", "Use the reset link on the login page.")));

        Assert.Equal("passwords#forgotten", search.Ranked("I can't remember my password").FirstOrDefault());
    }

    [Fact]
    public void Cert_finds_a_passage_about_a_digital_certificate()
    {
        var search = SearchOver(Page("fis", S("download", "Downloading", "Download your digital certificate with the passcode.")));

        Assert.Equal("fis#download", search.Ranked("how do I download my cert").FirstOrDefault());
    }

    [Fact]
    public void A_synonym_match_is_marked_in_the_snippet()
    {
        var hit = OneTimePasswordPages(RealLanguage).Search("otp", 1).Hits.Single();

        Assert.NotEmpty(hit.Snippet.Highlights);
    }

    [Fact]
    public void A_malformed_synonym_rule_fails_naming_its_source()
    {
        var error = Assert.Throws<FormatException>(() =>
            LanguageResources.ParseSynonyms("otp => one time password => code", "content/synonyms.txt"));

        Assert.Contains("content/synonyms.txt", error.Message);
    }

    [Fact]
    public void Every_malformed_rule_is_listed_by_its_line_not_just_the_first()
    {
        var problems = LanguageResources.SynonymProblems("# comment\notp, one time password\nbill => invoice => receipt\n\nmfa, 2fa\nmfa => 2fa => otp\n");

        Assert.Equal([3, 6], problems.Select(p => p.Line));
    }

    [Fact]
    public void A_synonyms_file_with_comments_and_no_rule_means_no_synonyms()
    {
        var folder = Directory.CreateTempSubdirectory("maglearn-synonyms-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "synonyms.txt"), "# every rule was removed\n\n");

            var language = LanguageResources.LoadFolder(folder);

            Assert.Null(language.Synonyms);
            Assert.Equal("shop#checkout", SearchOf(language, Shop).Ranked("pay by credit card").FirstOrDefault());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_malformed_synonyms_file_in_a_content_folder_fails_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("maglearn-synonyms-").FullName;
        try
        {
            var file = Path.Combine(folder, "synonyms.txt");
            File.WriteAllText(file, "# fine so far\notp, one time password\nbill => invoice => receipt\n");

            var error = Assert.Throws<FormatException>(() => LanguageResources.LoadFolder(folder));

            Assert.Contains(file, error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_real_synonym_file_parses()
    {
        Assert.NotNull(RealLanguage.Synonyms);
        Assert.True(RealLanguage.Synonyms!.Words.Count > 100);
    }
}
