"""Settings in layers: defaults < file < environment < overrides."""

import pytest

from tidings.config import SETTINGS, Settings, load_settings, parse_overrides
from tidings.errors import ConfigError


def test_layers(tmp_path):
    f = tmp_path / "t.toml"
    f.write_text('batch_size = 16\ndictionaries = ["a.yaml"]\napi_page_size = 50\n')
    s = load_settings(env={"TIDINGS_CONFIG": str(f)})
    assert (s.batch_size, s.dictionaries) == (16, ["a.yaml"])
    s = load_settings(env={"TIDINGS_CONFIG": str(f), "TIDINGS_BATCH_SIZE": "8"})
    assert s.batch_size == 8
    s = load_settings({"batch_size": "4"}, env={"TIDINGS_CONFIG": str(f),
                                                "TIDINGS_BATCH_SIZE": "8"})
    assert s.batch_size == 4


def test_api_keys_in_the_file_are_the_servers(tmp_path):
    from tidings.api.settings import load_api_settings

    f = tmp_path / "t.toml"
    f.write_text("api_page_size = 50\n")
    assert load_api_settings(env={"TIDINGS_CONFIG": str(f)}).api_page_size == 50
    assert load_settings(env={"TIDINGS_CONFIG": str(f)}) == Settings()


@pytest.mark.parametrize("bad", [{"nonsense": 1}, {"batch_size": "many"},
                                 {"on_error": "explode"}, {"speech_events": "perhaps"},
                                 {"sports_filter": "sometimes"}])
def test_bad_values_name_the_setting(bad):
    with pytest.raises(ConfigError) as err:
        load_settings(bad, env={})
    assert next(iter(bad)) in str(err.value)


def test_bad_file_and_override_syntax(tmp_path):
    f = tmp_path / "t.toml"
    f.write_text("batch_size = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_settings(env={"TIDINGS_CONFIG": str(f)})
    with pytest.raises(ConfigError, match="name=value"):
        parse_overrides(["batch_size"])


def test_every_setting_is_a_field_with_its_default():
    defaults = Settings()
    for s in SETTINGS:
        assert getattr(defaults, s.name) == s.default, s.name
