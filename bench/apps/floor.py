"""The floor for page reruns: one cached Plotly bar chart, nothing else."""

import plotly.graph_objects as go
import streamlit as st


@st.cache_data
def _figure() -> go.Figure:
    return go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2]))


st.plotly_chart(_figure(), key="floor_bar")
