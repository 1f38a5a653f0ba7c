"""An empty app: the baseline for the cold start in a real browser."""

import streamlit as st

st.write("empty")
