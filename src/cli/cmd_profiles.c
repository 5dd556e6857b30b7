/* `duizhao profiles [--format text|json] [--data-dir DIR]`: the meeting frameworks on offer. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void json_str(const char *s) {
  putchar('"');
  for (; s && *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c < 0x20) printf("\\u%04x", c);
    else putchar(c);
  }
  putchar('"');
}

int dz_cmd_profiles(int argc, char **argv) {
  const char *format = "text", *v;
  dz_checker_options o = DZ_CHECKER_OPTIONS_INIT;
  for (int i = 1; i < argc; i++) {
    int got;
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      printf("用法：duizhao profiles [--format text|json] [--data-dir DIR]\n\n"
             "列出可用的会议框架：编号、名称、会议类型、年份、方面和出处。\n"
             "检查时用 duizhao check --profile 编号 指定框架。\n");
      return DZ_EXIT_OK;
    }
    if ((got = cli_opt("profiles", argc, argv, &i, "--format", &v))) {
      if (got < 0) return DZ_EXIT_USAGE;
      format = v;
      continue;
    }
    if ((got = cli_opt("profiles", argc, argv, &i, "--data-dir", &v))) {
      if (got < 0) return DZ_EXIT_USAGE;
      o.data_dir = v;
      continue;
    }
    return cli_usage_error("profiles", "未知参数“%s”。", argv[i]);
  }
  if (strcmp(format, "text") && strcmp(format, "json"))
    return cli_usage_error("profiles", "--format 只能是 text 或 json，而不是“%s”。", format);
  dz_checker *ck = NULL;
  dz_error err = {0};
  o.config_path = NULL;
  if (dz_checker_new(&ck, &o, &err)) return cli_fail("profiles", &err);
  size_t n = dz_checker_profile_count(ck);
  if (!strcmp(format, "json")) printf("[");
  for (size_t i = 0; i < n; i++) {
    size_t na = dz_checker_profile_aspect_count(ck, i);
    if (!strcmp(format, "json")) {
      printf("%s\n  {\"id\": ", i ? "," : "");
      json_str(dz_checker_profile_id(ck, i));
      printf(", \"name\": ");
      json_str(dz_checker_profile_name(ck, i));
      printf(", \"meeting\": ");
      json_str(dz_checker_profile_meeting(ck, i));
      printf(", \"year\": %d, \"aspects\": [", dz_checker_profile_year(ck, i));
      for (size_t a = 0; a < na; a++) {
        if (a) printf(", ");
        json_str(dz_checker_profile_aspect(ck, i, a));
      }
      printf("], \"source\": ");
      json_str(dz_checker_profile_source(ck, i));
      printf("}");
      continue;
    }
    printf("%s%s\n", i ? "\n" : "", dz_checker_profile_id(ck, i));
    printf("  名称：%s\n", dz_checker_profile_name(ck, i));
    if (*dz_checker_profile_meeting(ck, i)) printf("  会议：%s\n", dz_checker_profile_meeting(ck, i));
    if (dz_checker_profile_year(ck, i)) printf("  年份：%d\n", dz_checker_profile_year(ck, i));
    if (na) {
      printf("  方面（%zu）：", na);
      for (size_t a = 0; a < na; a++) printf("%s%s", a ? "、" : "", dz_checker_profile_aspect(ck, i, a));
      printf("\n");
    } else
      printf("  方面：不固定\n");
    if (*dz_checker_profile_source(ck, i)) printf("  出处：%s\n", dz_checker_profile_source(ck, i));
  }
  if (!strcmp(format, "json")) printf("%s]\n", n ? "\n" : "");
  if (!n && strcmp(format, "json")) printf("没有可用的框架。\n");
  dz_checker_free(ck);
  return DZ_EXIT_OK;
}
